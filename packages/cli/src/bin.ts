console.log('sohoa');
